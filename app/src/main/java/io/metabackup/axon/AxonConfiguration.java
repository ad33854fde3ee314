package io.metabackup.axon;

import io.metabackup.api.audit.AuditMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Copies who/why/where from each command to the events it causes. */
    @Bean
    static CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.ACTOR_ID, AuditMetadata.ACTOR_NAME,
                AuditMetadata.TOKEN_ID, AuditMetadata.REQUEST_ID, AuditMetadata.SOURCE, AuditMetadata.RESTORE_ID,
                AuditMetadata.REVERTED_TO_VERSION);
    }

    @Bean
    static CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * A projection that fails must fail the command with it: the read models and the name index are only
     * trustworthy if they never silently fall behind the events.
     */
    @Autowired
    void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    @Autowired
    void recordAuditMetadata(CommandBus commandBus, AuditMetadataInterceptor interceptor) {
        commandBus.registerDispatchInterceptor(interceptor);
    }
}
