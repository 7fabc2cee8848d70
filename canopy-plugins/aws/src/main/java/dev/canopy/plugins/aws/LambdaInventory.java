package dev.canopy.plugins.aws;

import dev.canopy.plugin.api.collector.CollectedResource;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import java.util.stream.Stream;

import static dev.canopy.plugins.aws.AwsService.Types;

/** The Lambda functions of one region, page by page (ListFunctions does not return tags). */
final class LambdaInventory {

    private final LambdaClient lambda;
    private final String account;
    private final String region;

    LambdaInventory(LambdaClient lambda, String account, String region) {
        this.lambda = lambda;
        this.account = account;
        this.region = region;
    }

    Stream<CollectedResource> functions() {
        return lambda.listFunctionsPaginator(request -> request.maxItems(50)).functions().stream().map(this::function);
    }

    private CollectedResource function(FunctionConfiguration function) {
        String resourceId = function.functionArn() != null ? function.functionArn() : function.functionName();
        return new CloudServiceItem(Types.FUNCTION, account, region, resourceId)
                .name(function.functionName())
                .instanceType(function.runtimeAsString())
                .instanceSize(function.memorySize())
                .externalLink("https://console.aws.amazon.com/lambda/home?region=" + region + "#/functions/"
                        + function.functionName())
                .data("function_name", function.functionName())
                .data("function_arn", function.functionArn())
                .data("runtime", function.runtimeAsString())
                .data("handler", function.handler())
                .data("role", function.role())
                .data("description", function.description())
                .data("code_size", function.codeSize())
                .data("code_sha256", function.codeSha256())
                .data("memory_size", function.memorySize())
                .data("timeout", function.timeout())
                .data("version", function.version())
                .data("last_modified", function.lastModified())
                .data("state", function.stateAsString())
                .data("package_type", function.packageTypeAsString())
                .data("architectures", function.architecturesAsStrings())
                .data("tracing_mode", function.tracingConfig() == null ? null : function.tracingConfig().modeAsString())
                .data("vpc_config", function.vpcConfig() == null ? null
                        : Json.object("vpc_id", function.vpcConfig().vpcId(),
                                "subnet_ids", function.vpcConfig().subnetIds(),
                                "security_group_ids", function.vpcConfig().securityGroupIds()))
                .build();
    }
}
