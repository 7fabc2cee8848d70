package dev.canopy.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Canopy server: every module of the platform in one process, roles chosen by {@code canopy.roles}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CanopyApplication {

    public static void main(String[] args) {
        SpringApplication.run(CanopyApplication.class, args);
    }
}
