package io.scimkit.core.codec.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import io.scimkit.core.error.ScimErrorType;
import io.scimkit.core.message.internal.ErrorResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes SCIM error responses (RFC 7644 §3.12) as JSON; {@code status} is a string, as the RFC requires. */
public final class ErrorCodec {
    private ErrorCodec() {
    }

    /** The JSON body of an error response. */
    public static byte[] write(ErrorResponse error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JsonFactories.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("schemas");
            json.writeString(ErrorResponse.ERROR_URN);
            json.writeEndArray();
            json.writeStringField("status", Integer.toString(error.status()));
            ScimErrorType type = error.scimType();
            if (type != null) {
                json.writeStringField("scimType", type.token());
            }
            if (error.detail() != null) {
                json.writeStringField("detail", error.detail());
            }
            json.writeEndObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }
}
