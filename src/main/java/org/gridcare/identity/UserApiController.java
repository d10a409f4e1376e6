package org.gridcare.identity;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.PageQuery;
import org.gridcare.shared.PageResult;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "员工账号 — staff accounts, roles and units")
class UserApiController {

    private final Users users;

    UserApiController(Users users) {
        this.users = users;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')")
    @Operation(summary = "Accounts within the caller's data scope")
    PageResult<UserView> list(@RequestParam(required = false) String text,
                              @RequestParam(required = false) Role role,
                              @RequestParam(required = false) Boolean enabled,
                              @RequestParam(required = false) Integer page,
                              @RequestParam(required = false) Integer size,
                              @RequestParam(required = false) String sort) {
        return users.find(text, role, enabled, PageQuery.of(page, size, sort, Users.SORTS), Actors.required());
    }

    @GetMapping("/{username}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')")
    UserView get(@PathVariable String username) {
        return users.get(username, Actors.required());
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Create an account; the password must meet the password policy")
    ResponseEntity<UserView> create(@Valid @RequestBody NewUser command) {
        UserView created = users.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @PatchMapping("/{username}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Change name, roles, unit or enabled; a password here resets it")
    UserView change(@PathVariable String username, @Valid @RequestBody UserChanges changes) {
        return users.change(username, changes, Actors.required());
    }

    @PostMapping("/{username}/unlock")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Lift a lockout after failed sign-ins")
    ResponseEntity<Void> unlock(@PathVariable String username) {
        users.unlock(username, Actors.required());
        return ResponseEntity.noContent().build();
    }
}
