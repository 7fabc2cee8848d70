package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectorPlugin;
import dev.canopy.plugin.api.collector.CollectorPluginFactory;
import dev.canopy.plugin.testkit.CollectorPluginContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The collector contract for the AWS collector, against AWS's example responses served on 127.0.0.1. */
class AwsCollectorPluginTest extends CollectorPluginContract {

    private static FakeAws aws;

    @BeforeAll
    static void startAws() {
        aws = new FakeAws();
    }

    @AfterAll
    static void stopAws() {
        aws.close();
    }

    @Override
    protected CollectorPlugin plugin() {
        return new AwsCollectorPlugin();
    }

    @Override
    protected Map<String, Object> options() {
        return Map.of("regions", List.of("eu-west-1", "us-east-1"), "endpoint_url", aws.url());
    }

    @Override
    protected Map<String, Object> secretData() {
        return Map.of("aws_access_key_id", FakeAws.ACCESS_KEY, "aws_secret_access_key", FakeAws.SECRET_KEY);
    }

    @Override
    protected Map<String, Object> badSecretData() {
        return Map.of("aws_access_key_id", FakeAws.BAD_ACCESS_KEY, "aws_secret_access_key", FakeAws.SECRET_KEY);
    }

    @Override
    protected Map<String, Object> badOptions() {
        return Map.of("endpoint_url", aws.url(), "services", List.of("EC2", "Glacier"));
    }

    @Test
    void theFactoryIsFoundByServiceLoader() {
        assertThat(ServiceLoader.load(CollectorPluginFactory.class).stream().map(provider -> provider.get().descriptor()))
                .anySatisfy(descriptor -> {
                    assertThat(descriptor.pluginId()).isEqualTo("plugin-aws-inven-collector");
                    assertThat(descriptor.provider()).isEqualTo("aws");
                });
    }
}
