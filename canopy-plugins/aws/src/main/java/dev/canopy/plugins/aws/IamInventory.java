package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.User;

import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/** The account's IAM users (a global service, recorded in region {@code global}), page by page. */
final class IamInventory {

    static final String GLOBAL_REGION = "global";

    private final IamClient iam;
    private final String account;

    IamInventory(IamClient iam, String account) {
        this.iam = iam;
        this.account = account;
    }

    Stream<CollectedResource> users() {
        return iam.listUsersPaginator(request -> request.maxItems(1000)).users().stream().map(this::user);
    }

    private CollectedResource user(User user) {
        String resourceId = user.arn() != null ? user.arn() : user.userId();
        CloudServiceItem item = new CloudServiceItem(Types.USER, account, GLOBAL_REGION, resourceId)
                .name(user.userName())
                .launchedAt(user.createDate())
                .externalLink("https://console.aws.amazon.com/iam/home#/users/" + user.userName())
                .data("user_name", user.userName())
                .data("user_id", user.userId())
                .data("arn", user.arn())
                .data("path", user.path())
                .data("create_date", user.createDate())
                .data("password_last_used", user.passwordLastUsed())
                .data("permissions_boundary", user.permissionsBoundary() == null ? null
                        : user.permissionsBoundary().permissionsBoundaryArn());
        user.tags().forEach(tag -> item.tag(tag.key(), tag.value()));
        return item.build();
    }
}
