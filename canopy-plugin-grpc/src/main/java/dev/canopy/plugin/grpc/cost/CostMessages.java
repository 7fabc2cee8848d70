package dev.canopy.plugin.grpc.cost;

import com.google.protobuf.Struct;
import dev.canopy.plugin.api.cost.CostRow;
import dev.canopy.plugin.api.cost.CostTaskRequest;
import dev.canopy.plugin.api.cost.CostTasks;
import dev.canopy.plugin.api.cost.LinkedAccount;
import dev.canopy.plugin.grpc.JsonStructs;
import dev.canopy.plugin.proto.ChangedPeriod;
import dev.canopy.plugin.proto.CostDataResponse;
import dev.canopy.plugin.proto.CostTasksRequest;
import dev.canopy.plugin.proto.CostTasksResponse;
import dev.canopy.plugin.proto.LinkedAccountsResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.canopy.plugin.grpc.internal.WireValues.date;
import static dev.canopy.plugin.grpc.internal.WireValues.instant;
import static dev.canopy.plugin.grpc.internal.WireValues.month;
import static dev.canopy.plugin.grpc.internal.WireValues.orNull;
import static dev.canopy.plugin.grpc.internal.WireValues.timestamp;

/** Cost records to messages and back; decoding rejects a row without a billed date or with a bad date. */
final class CostMessages {

    private CostMessages() {
    }

    static CostTasksRequest encodeTaskRequest(CostTaskRequest request) {
        CostTasksRequest.Builder message = CostTasksRequest.newBuilder()
                .setOptions(JsonStructs.toStruct(request.options()))
                .setSecretData(JsonStructs.toStruct(request.secretData()))
                .addAllLinkedAccounts(request.linkedAccounts());
        if (request.start() != null) {
            message.setStart(request.start().toString());
        }
        if (request.lastSynchronizedAt() != null) {
            message.setLastSynchronizedAt(timestamp(request.lastSynchronizedAt()));
        }
        return message.build();
    }

    static CostTaskRequest decodeTaskRequest(CostTasksRequest request) {
        return new CostTaskRequest(JsonStructs.toMap(request.getOptions()), JsonStructs.toMap(request.getSecretData()),
                request.hasStart() ? month(request.getStart()) : null,
                request.hasLastSynchronizedAt() ? instant(request.getLastSynchronizedAt()) : null,
                List.copyOf(request.getLinkedAccountsList()));
    }

    static CostTasksResponse encodeTasks(CostTasks tasks) {
        CostTasksResponse.Builder response = CostTasksResponse.newBuilder();
        for (Map<String, Object> task : tasks.tasks()) {
            response.addTasks(JsonStructs.toStruct(task));
        }
        for (CostTasks.Changed changed : tasks.changed()) {
            ChangedPeriod.Builder period = response.addChangedBuilder().setFilter(JsonStructs.toStruct(changed.filter()));
            if (changed.start() != null) {
                period.setStart(changed.start().toString());
            }
            if (changed.end() != null) {
                period.setEnd(changed.end().toString());
            }
        }
        return response.build();
    }

    static CostTasks decodeTasks(CostTasksResponse response) {
        List<Map<String, Object>> tasks = new ArrayList<>(response.getTasksCount());
        for (Struct task : response.getTasksList()) {
            tasks.add(JsonStructs.toMap(task));
        }
        List<CostTasks.Changed> changed = new ArrayList<>(response.getChangedCount());
        for (ChangedPeriod period : response.getChangedList()) {
            changed.add(new CostTasks.Changed(period.hasStart() ? date(period.getStart()) : null,
                    period.hasEnd() ? date(period.getEnd()) : null, JsonStructs.toMap(period.getFilter())));
        }
        return new CostTasks(tasks, changed);
    }

    static LinkedAccountsResponse encodeLinkedAccounts(List<LinkedAccount> accounts) {
        LinkedAccountsResponse.Builder response = LinkedAccountsResponse.newBuilder();
        for (LinkedAccount account : accounts) {
            dev.canopy.plugin.proto.LinkedAccount.Builder message = response.addAccountsBuilder()
                    .setAccountId(account.accountId());
            if (account.name() != null) {
                message.setName(account.name());
            }
        }
        return response.build();
    }

    static List<LinkedAccount> decodeLinkedAccounts(LinkedAccountsResponse response) {
        List<LinkedAccount> accounts = new ArrayList<>(response.getAccountsCount());
        for (dev.canopy.plugin.proto.LinkedAccount account : response.getAccountsList()) {
            if (account.getAccountId().isEmpty()) {
                throw new IllegalArgumentException("linked account without an account_id");
            }
            accounts.add(new LinkedAccount(account.getAccountId(), orNull(account.hasName(), account.getName())));
        }
        return accounts;
    }

    static dev.canopy.plugin.proto.CostRow encodeRow(CostRow row) {
        dev.canopy.plugin.proto.CostRow.Builder message = dev.canopy.plugin.proto.CostRow.newBuilder()
                .setCost(row.cost())
                .setBilledDate(row.billedDate().toString())
                .putAllTags(row.tags())
                .setAdditionalInfo(JsonStructs.toStruct(row.additionalInfo()))
                .setData(JsonStructs.toStruct(row.data()));
        if (row.usageQuantity() != null) {
            message.setUsageQuantity(row.usageQuantity());
        }
        if (row.usageUnit() != null) {
            message.setUsageUnit(row.usageUnit());
        }
        if (row.provider() != null) {
            message.setProvider(row.provider());
        }
        if (row.regionCode() != null) {
            message.setRegionCode(row.regionCode());
        }
        if (row.product() != null) {
            message.setProduct(row.product());
        }
        if (row.usageType() != null) {
            message.setUsageType(row.usageType());
        }
        if (row.resource() != null) {
            message.setResource(row.resource());
        }
        return message.build();
    }

    static List<CostRow> decodeBatch(CostDataResponse response) {
        List<CostRow> rows = new ArrayList<>(response.getRowsCount());
        for (dev.canopy.plugin.proto.CostRow row : response.getRowsList()) {
            if (row.getBilledDate().isEmpty()) {
                throw new IllegalArgumentException("cost row without a billed_date");
            }
            rows.add(new CostRow(row.getCost(), row.hasUsageQuantity() ? row.getUsageQuantity() : null,
                    orNull(row.hasUsageUnit(), row.getUsageUnit()), orNull(row.hasProvider(), row.getProvider()),
                    orNull(row.hasRegionCode(), row.getRegionCode()), orNull(row.hasProduct(), row.getProduct()),
                    orNull(row.hasUsageType(), row.getUsageType()), orNull(row.hasResource(), row.getResource()),
                    date(row.getBilledDate()), Map.copyOf(row.getTagsMap()),
                    JsonStructs.toMap(row.getAdditionalInfo()), JsonStructs.toMap(row.getData())));
        }
        return rows;
    }
}
