package dev.canopy.plugins.demo;

import java.util.List;

/** The three clouds of the demo estate, their regions and the account id a seed gives each. */
enum Cloud {

    AWS("aws", List.of(
            region("us-east-1", "US East (N. Virginia)", 6, "a", "b", "c", "d"),
            region("us-east-2", "US East (Ohio)", 2, "a", "b", "c"),
            region("us-west-2", "US West (Oregon)", 3, "a", "b", "c"),
            region("eu-west-1", "Europe (Ireland)", 3, "a", "b", "c"),
            region("eu-central-1", "Europe (Frankfurt)", 2, "a", "b", "c"),
            region("ap-northeast-1", "Asia Pacific (Tokyo)", 2, "a", "c", "d"),
            region("ap-northeast-2", "Asia Pacific (Seoul)", 2, "a", "b", "c", "d"),
            region("ap-southeast-1", "Asia Pacific (Singapore)", 1, "a", "b", "c"))),
    AZURE("azure", List.of(
            new Region("eastus", "East US", List.of("1", "2", "3"), 5),
            new Region("eastus2", "East US 2", List.of("1", "2", "3"), 2),
            new Region("westus2", "West US 2", List.of("1", "2", "3"), 2),
            new Region("westeurope", "West Europe", List.of("1", "2", "3"), 3),
            new Region("northeurope", "North Europe", List.of("1", "2", "3"), 1),
            new Region("koreacentral", "Korea Central", List.of("1", "2", "3"), 2),
            new Region("japaneast", "Japan East", List.of("1", "2", "3"), 1),
            new Region("southeastasia", "Southeast Asia", List.of("1", "2", "3"), 1))),
    GOOGLE_CLOUD("google_cloud", List.of(
            region("us-central1", "Iowa", 5, "a", "b", "c", "f"),
            region("us-east1", "South Carolina", 2, "b", "c", "d"),
            region("europe-west1", "Belgium", 2, "b", "c", "d"),
            region("europe-west3", "Frankfurt", 1, "a", "b", "c"),
            region("asia-northeast1", "Tokyo", 2, "a", "b", "c"),
            region("asia-northeast3", "Seoul", 1, "a", "b", "c")));

    /** Where Google Cloud's global resources (VPC networks) are listed, as Cloudforet's collectors do. */
    static final Region GOOGLE_GLOBAL = new Region("global", "Global", List.of(), 0);

    private final String key;
    private final List<Region> regions;
    private final Region[] regionByWeight;

    Cloud(String key, List<Region> regions) {
        this.key = key;
        this.regions = regions;
        this.regionByWeight = regions.stream()
                .flatMap(region -> java.util.Collections.nCopies(region.weight(), region).stream())
                .toArray(Region[]::new);
    }

    /** The provider key of Canopy and Cloudforet: {@code aws}, {@code azure}, {@code google_cloud}. */
    String key() {
        return key;
    }

    List<Region> regions() {
        return regions;
    }

    /** A region, the heavier ones more often. */
    Region region(Draw draw) {
        return draw.pick(regionByWeight);
    }

    static Cloud ofKey(String key) {
        for (Cloud cloud : values()) {
            if (cloud.key.equals(key)) {
                return cloud;
            }
        }
        return null;
    }

    /**
     * The account a seed gives this cloud: a 12-digit AWS account id, an Azure subscription id, a
     * Google Cloud project id.
     */
    String account(long seed) {
        Draw draw = new Draw(Draw.mix(seed, 0xACC0 + ordinal()));
        return switch (this) {
            case AWS -> draw.digits(12);
            case AZURE -> draw.uuid();
            case GOOGLE_CLOUD -> "demo-estate-" + draw.digits(6);
        };
    }

    /** A region whose zones are the code and a letter, {@code us-east-1a}, or a dash and a letter for Google Cloud. */
    private static Region region(String code, String name, int weight, String... zoneLetters) {
        // AWS codes end in "-<digit>" and append the letter (us-east-1a); Google Cloud adds "-<letter>".
        String separator = code.charAt(code.length() - 2) == '-' ? "" : "-";
        List<String> zones = java.util.Arrays.stream(zoneLetters).map(letter -> code + separator + letter).toList();
        return new Region(code, name, zones, weight);
    }
}
