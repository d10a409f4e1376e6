package org.gridcare.identity;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.gridcare.shared.InvalidInputException;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Me", description = "当前用户 — the caller's own account")
class MeApiController {

    private final Users users;

    MeApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "The signed-in user with roles and unit")
    UserView me() {
        return users.me(Actors.required());
    }

    @PutMapping("/password")
    @Operation(summary = "Change one's own password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        users.changeOwnPassword(Actors.required(), change.currentPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/locale")
    @Operation(summary = "Choose the console language (zh-CN or en)")
    ResponseEntity<Void> changeLocale(@Valid @RequestBody LocaleChange change) {
        Locale locale = LocaleConfiguration.supported(change.locale());
        if (locale == null) {
            throw InvalidInputException.of("locale", "validation.typeMismatch", change.locale());
        }
        users.changeLocale(Actors.required(), locale.toLanguageTag());
        return ResponseEntity.noContent().build();
    }

    record PasswordChange(@NotNull String currentPassword, @NotBlank String newPassword) {
    }

    record LocaleChange(@NotBlank String locale) {
    }
}
