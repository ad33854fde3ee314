package io.metabackup.secrets;

import io.metabackup.MetabackupProperties;
import io.metabackup.command.secrets.KeyEncryptionKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class EncryptionKeyConfiguration {

    @Bean
    KeyEncryptionKey keyEncryptionKey(Environment environment, MetabackupProperties properties) {
        return new EncryptionKeySource(environment.getProperty(EncryptionKeySource.KEY_VARIABLE),
                environment.getProperty(EncryptionKeySource.FILE_VARIABLE),
                properties.dataDir().resolve(EncryptionKeySource.GENERATED_FILE_NAME)).load();
    }
}
