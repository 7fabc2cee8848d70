package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.PluginException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The collector's options.
 *
 * @param regions     region codes to read; empty for every region enabled for the account
 * @param endpointUrl where every client goes instead of AWS (as the AWS CLI's {@code --endpoint-url}), or null
 * @param services    the services to read, all by default
 * @param accountId   the account id to record, or null for the one STS GetCallerIdentity answers
 */
record AwsCollectorOptions(List<String> regions, URI endpointUrl, Set<AwsService> services, String accountId) {

    /** The options' JSON Schema, returned by {@code init}. */
    static Map<String, Object> schema() {
        return Map.of("type", "object", "properties", Map.of(
                "regions", Map.of("type", "array", "title", "Regions", "items", Map.of("type", "string"),
                        "description", "Region codes to collect; all regions enabled for the account when absent"),
                "services", Map.of("type", "array", "title", "Services", "items", Map.of("type", "string",
                        "enum", List.of("EC2", "VPC", "S3", "RDS", "Lambda", "IAM"))),
                "endpoint_url", Map.of("type", "string", "title", "Endpoint URL", "format", "uri",
                        "description", "Send every request to this URL instead of AWS (LocalStack, a private cloud)"),
                "account_id", Map.of("type", "string", "title", "Account ID")));
    }

    /** Reads the options; anything malformed is the caller's mistake: {@code REJECTED}. */
    static AwsCollectorOptions parse(Map<String, Object> options) {
        List<String> regions = strings(options, "regions");
        for (String region : regions) {
            if (!region.matches("[a-z0-9-]+")) {
                throw PluginException.rejected("regions: '" + region + "' is not a region code");
            }
        }
        URI endpointUrl = null;
        Object endpoint = options.get("endpoint_url");
        if (endpoint != null) {
            if (!(endpoint instanceof String text) || text.isBlank()) {
                throw PluginException.rejected("endpoint_url must be a URL");
            }
            try {
                endpointUrl = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw PluginException.rejected("endpoint_url is not a URL: " + e.getReason());
            }
            if (!"http".equals(endpointUrl.getScheme()) && !"https".equals(endpointUrl.getScheme())
                    || endpointUrl.getHost() == null) {
                throw PluginException.rejected("endpoint_url must be an http or https URL with a host");
            }
        }
        Set<AwsService> services = EnumSet.allOf(AwsService.class);
        if (options.get("services") != null) {
            services = EnumSet.noneOf(AwsService.class);
            for (String name : strings(options, "services")) {
                services.add(AwsService.byOptionName(name).orElseThrow(() -> PluginException.rejected(
                        "services: unknown service '" + name + "' (EC2, VPC, S3, RDS, Lambda, IAM)")));
            }
        }
        Object accountId = options.get("account_id");
        if (accountId != null && !(accountId instanceof String)) {
            throw PluginException.rejected("account_id must be a string");
        }
        String account = accountId == null || ((String) accountId).isBlank() ? null : ((String) accountId).trim();
        return new AwsCollectorOptions(regions, endpointUrl, services, account);
    }

    private static List<String> strings(Map<String, Object> options, String name) {
        Object given = options.get(name);
        if (given == null) {
            return List.of();
        }
        if (!(given instanceof List<?> list) || list.isEmpty()) {
            throw PluginException.rejected(name + " must be a non-empty list of strings");
        }
        List<String> values = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String text) || text.isBlank()) {
                throw PluginException.rejected(name + " must be a non-empty list of strings");
            }
            if (!values.contains(text.trim())) {
                values.add(text.trim());
            }
        }
        return values;
    }

    boolean anyRegional() {
        return services.stream().anyMatch(service -> !service.global());
    }

    boolean anyGlobal() {
        return services.stream().anyMatch(AwsService::global);
    }
}
