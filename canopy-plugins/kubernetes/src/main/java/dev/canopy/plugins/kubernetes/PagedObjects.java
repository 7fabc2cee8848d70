package dev.canopy.plugins.kubernetes;

import dev.canopy.plugin.api.PluginException;
import dev.canopy.plugin.api.collector.CollectedResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptions;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The cloud services of one kind, read a page at a time ({@code limit}, then {@code continue}): a page is
 * asked for only when the previous one is consumed, so memory holds one page and a caller that stops
 * reading stops the listing. A refused listing (403, 404, an expired continue token, a timeout) ends the
 * kind with one error resource; refused credentials or an unreachable API server fail the whole collection
 * with {@code REJECTED}. Not thread-safe: one consumer.
 */
final class PagedObjects<T extends HasMetadata> implements Iterator<CollectedResource> {

    private final KubernetesClient client;
    private final KubernetesCluster cluster;
    private final ResourceKind<T> kind;
    private final long pageSize;

    private Iterator<CollectedResource> page = Collections.emptyIterator();
    private String continueToken;
    private boolean lastPage;
    private long pagesRead;

    PagedObjects(KubernetesClient client, KubernetesCluster cluster, ResourceKind<T> kind, long pageSize) {
        this.client = client;
        this.cluster = cluster;
        this.kind = kind;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        while (!page.hasNext()) {
            if (lastPage) {
                return false;
            }
            page = readPage();
        }
        return true;
    }

    @Override
    public CollectedResource next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return page.next();
    }

    private Iterator<CollectedResource> readPage() {
        ListOptions options = new ListOptionsBuilder().withLimit(pageSize).withContinue(continueToken).build();
        KubernetesResourceList<T> list;
        try {
            list = kind.lister().apply(client, options);
        } catch (KubernetesClientException failure) {
            lastPage = true;
            return List.of(failed(failure)).iterator();
        }
        pagesRead++;
        continueToken = list.getMetadata() == null ? null : list.getMetadata().getContinue();
        lastPage = continueToken == null || continueToken.isEmpty();
        List<T> objects = list.getItems() == null ? List.of() : list.getItems();
        return objects.stream().map(this::cloudService).iterator();
    }

    private CollectedResource cloudService(T object) {
        try {
            return KubernetesInventory.cloudService(cluster, kind, object);
        } catch (RuntimeException e) {
            String namespace = object.getMetadata().getNamespace();
            return KubernetesInventory.error(cluster, kind, "reading " + kind.type() + " "
                    + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName()
                    + " of cluster " + cluster.name() + " failed: " + e.getClass().getSimpleName());
        }
    }

    private CollectedResource failed(KubernetesClientException failure) {
        String what = "listing " + kind.plural() + " of cluster " + cluster.name();
        if (ApiFailure.unauthorized(failure)) {
            throw PluginException.rejected(what + " failed: the API server refused the credentials, "
                    + ApiFailure.describe(failure));
        }
        if (ApiFailure.unreachable(failure)) {
            throw PluginException.rejected(what + " failed: the API server at " + cluster.apiServerUrl()
                    + " cannot be reached, " + ApiFailure.describe(failure));
        }
        String after = pagesRead == 0 ? "" : " after " + pagesRead + (pagesRead == 1 ? " page" : " pages");
        return KubernetesInventory.error(cluster, kind, what + " failed" + after + ": " + ApiFailure.describe(failure));
    }
}
