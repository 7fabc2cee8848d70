package dev.canopy.plugins.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugins.kubernetes.TypeView.Field.text;

/** Namespaces: group {@code Cluster}, type {@code Namespace}; {@code data.phase} is Active or Terminating. */
final class Namespaces {

    static final ResourceKind<Namespace> KIND = new ResourceKind<>(
            "Namespace", "Cluster", "api/v1", "namespaces", false, false, List.of("Container", "Management"),
            (client, page) -> client.namespaces().list(page),
            Namespaces::details,
            new TypeView(
                    List.of(new TypeView.Field("data.phase", "Phase", "state"), text("data.uid", "UID"),
                            new TypeView.Field("launched_at", "Created", "datetime")),
                    List.of(text("name", "Name"), text("data.phase", "Phase"), text("data.uid", "UID")),
                    List.of(text("name", "Name"), text("data.uid", "UID"), text("data.phase", "Phase"),
                            text("data.labels", "Labels"), text("launched_at", "Created"))));

    private Namespaces() {
    }

    private static ObjectDetails details(Namespace namespace) {
        ObjectMeta metadata = namespace.getMetadata();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", metadata.getUid());
        data.put("labels", JsonValues.strings(metadata.getLabels()));
        data.put("phase", namespace.getStatus() == null ? null : namespace.getStatus().getPhase());
        return ObjectDetails.of(data);
    }
}
