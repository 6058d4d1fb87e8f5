package io.scimkit.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports a {@link ScimkitConfigurationException} as what is wrong and what to do, instead of a stack trace. */
final class ScimkitFailureAnalyzer extends AbstractFailureAnalyzer<ScimkitConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ScimkitConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
