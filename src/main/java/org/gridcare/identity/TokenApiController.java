package org.gridcare.identity;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "API tokens", description = "个人 API 令牌 — personal bearer tokens")
class TokenApiController {

    private final ApiTokens tokens;

    TokenApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @Operation(summary = "Create a token; its secret is in the response and never shown again")
    ResponseEntity<CreatedToken> create(@Valid @RequestBody NewToken command) {
        IssuedToken issued = tokens.create(Actors.required(), command.name(), command.validDays());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
                .body(new CreatedToken(issued.token(), issued.secret()));
    }

    @GetMapping
    @Operation(summary = "The caller's tokens, without secrets")
    List<ApiToken> list() {
        return tokens.list(Actors.required());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke a token at once")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        tokens.revoke(Actors.required(), id);
        return ResponseEntity.noContent().build();
    }

    record NewToken(@NotBlank @Size(max = 100) String name, Integer validDays) {
    }

    record CreatedToken(long id, String name, String prefix, java.time.Instant createdAt, java.time.Instant expiresAt,
                        String token) {
        CreatedToken(ApiToken token, String secret) {
            this(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(), secret);
        }
    }
}
