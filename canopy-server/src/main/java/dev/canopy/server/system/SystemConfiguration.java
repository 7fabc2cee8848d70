package dev.canopy.server.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SystemConfiguration.class);

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(CanopyProperties properties) {
        DataDirectory directory = DataDirectory.lock(properties.dataDir());
        log.info("Canopy data directory {}, roles {}", directory.path(), properties.roles());
        return directory;
    }
}
