package dev.canopy.plugins.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * What a kind adds to the fields every cloud service has.
 *
 * @param data         the object's fields, snake_case JSON values
 * @param ipAddresses  the object's addresses, for {@code ip_addresses}
 * @param instanceType for {@code instance_type}, or null
 * @param instanceSize for {@code instance_size}, or null
 */
record ObjectDetails(Map<String, Object> data, List<String> ipAddresses, String instanceType, Number instanceSize) {

    ObjectDetails {
        ipAddresses = ipAddresses == null ? List.of() : ipAddresses;
    }

    static ObjectDetails of(Map<String, Object> data) {
        return new ObjectDetails(data, List.of(), null, null);
    }
}
