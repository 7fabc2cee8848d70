package dev.canopy.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Reads a request body as JSON bytes, refusing other media types and bodies over the size limit. */
@Component
class RequestBodyReader {

    private final long maxBodySize;

    RequestBodyReader(ApiProperties properties) {
        this.maxBodySize = properties.maxBodySize().toBytes();
    }

    byte[] read(HttpServletRequest request) throws IOException {
        requireJson(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > maxBodySize) {
            throw tooLarge();
        }
        try (InputStream body = request.getInputStream()) {
            // Read one byte past the limit, so chunked bodies without a length are caught too.
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodySize + 1));
            if (bytes.length > maxBodySize) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private static void requireJson(String contentType) {
        if (contentType == null) {
            return;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || "json".equals(type.getSubtypeSuffix())) {
                return;
            }
        } catch (IllegalArgumentException unparsable) {
            // falls through to the same answer as any other non-JSON type
        }
        throw new ApiException(ErrorCode.ERROR_UNSUPPORTED_MEDIA_TYPE,
                "The request body must be JSON: send Content-Type: application/json", Map.of("content_type", contentType));
    }

    private ApiException tooLarge() {
        return new ApiException(ErrorCode.ERROR_PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBodySize + " bytes", Map.of("max_body_size", maxBodySize));
    }
}
