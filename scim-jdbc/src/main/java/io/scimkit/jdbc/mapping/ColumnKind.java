package io.scimkit.jdbc.mapping;

import java.sql.Types;
import java.util.Locale;

/** What a column holds, from its JDBC type: decides how values are bound, read and compared. */
enum ColumnKind {
    TEXT, BOOLEAN, INTEGER, DECIMAL, TIMESTAMP_TZ, TIMESTAMP, UUID, OTHER;

    /** The kind of a column as {@code DatabaseMetaData.getColumns} describes it. */
    static ColumnKind of(int jdbcType, String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        if (name.equals("uuid")) {
            return UUID;
        }
        if (name.contains("timestamptz") || name.contains("with time zone") || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE) {
            return TIMESTAMP_TZ;
        }
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> TEXT;
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> INTEGER;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> DECIMAL;
            case Types.TIMESTAMP -> TIMESTAMP;
            default -> name.equals("text") || name.equals("varchar") ? TEXT : OTHER;
        };
    }

    boolean isTimestamp() {
        return this == TIMESTAMP_TZ || this == TIMESTAMP;
    }
}
