package dev.canopy.server.api;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside any controller (in a filter, by the servlet container) with the
 * same error body, in place of Spring Boot's default error page.
 */
@RestController
class ApiErrorController implements ErrorController {

    private final ApiJson json;

    ApiErrorController(ApiJson json) {
        this.json = json;
    }

    @RequestMapping("/error")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer code ? code : 500;
        ErrorCode code = ErrorCode.forStatus(status);
        String message = status == 404 ? "No such path" : code == ErrorCode.ERROR_UNKNOWN ? "Internal error" : "Request refused";
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json.write(ErrorBody.of(code, message, Map.of())));
    }
}
