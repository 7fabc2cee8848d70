package dev.canopy.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Each direct sub-package of the server is a module; none may reach into another's internals or form a cycle. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(CanopyApplication.class);

    @Test
    void modulesRespectEachOthersBoundaries() {
        modules.verify();
    }

    @Test
    void everyPlatformModuleIsDetected() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("api", "config", "database", "store", "system");
    }
}
