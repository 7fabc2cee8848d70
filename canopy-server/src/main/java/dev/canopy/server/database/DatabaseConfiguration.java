package dev.canopy.server.database;


import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.canopy.server.system.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(NoExternalDatabaseCondition.class)
    EmbeddedDatabase embeddedDatabase(DataDirectory dataDirectory, DatabaseProperties properties) {
        return EmbeddedDatabase.start(dataDirectory.resolve("postgres"), dataDirectory.resolve("database-password"),
                properties.embeddedDurable());
    }

    /** The pool is created after, and so closed before, the embedded server it connects to. */
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("canopy");
        config.setMaximumPoolSize(properties.maxPoolSize());
        // PostgreSQL enforces the timeout itself: a JDBC query timeout would arm a client-side timer
        // for every statement, which all pool threads contend for. Sessions run in UTC, so that
        // date-times stored without an offset read as UTC in queries.
        config.setConnectionInitSql("SET statement_timeout = " + properties.statementTimeout().toMillis()
                + "; SET TIME ZONE 'UTC'");
        EmbeddedDatabase database = embedded.getIfAvailable();
        if (database != null) {
            config.setJdbcUrl(database.jdbcUrl());
            config.setUsername(database.user());
            config.setPassword(database.password());
        } else {
            log.info("Using the external PostgreSQL at {}", properties.url());
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.user());
            config.setPassword(properties.password());
        }
        return new HikariDataSource(config);
    }
}
