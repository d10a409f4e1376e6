package org.gridcare.staff;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gridcare.shared.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Staff", description = "服务人员 — staff profiles (position, team, skills) and teams (班组)")
class StaffApiController {

    static final String MANAGERS = "hasAnyRole('ADMIN', 'MANAGER', 'SUPERVISOR')";

    private final StaffProfiles profiles;

    StaffApiController(StaffProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/api/v1/staff")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "The staff profiles within the caller's scope, by position, team code or unit code (subtree)")
    List<StaffProfile> list(@RequestParam(required = false) Position position,
                            @RequestParam(required = false) String team, @RequestParam(required = false) String unit) {
        return profiles.find(position, team, unit, Actors.required());
    }

    @PostMapping("/api/v1/staff")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create the profile of an existing user within the caller's scope")
    ResponseEntity<StaffProfile> create(@Valid @RequestBody NewStaffProfile command) {
        StaffProfile created = profiles.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.userId())).body(created);
    }

    @GetMapping("/api/v1/staff/me")
    @Operation(summary = "The caller's own profile (404 when they have none)")
    StaffProfile me() {
        var actor = Actors.required();
        return profiles.get(actor.userId(), actor);
    }

    @GetMapping("/api/v1/staff/{userId}")
    @Operation(summary = "One profile: the owner, their team leader, or a manager whose scope includes them")
    StaffProfile get(@PathVariable long userId) {
        return profiles.get(userId, Actors.required());
    }

    @PatchMapping("/api/v1/staff/{userId}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a profile (null fields stay; teamCode \"\" leaves the team); with version")
    StaffProfile change(@PathVariable long userId, @Valid @RequestBody StaffProfileChanges changes) {
        return profiles.change(userId, changes, Actors.required());
    }

    @DeleteMapping("/api/v1/staff/{userId}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Delete a profile with its skills, shifts and certificates (not of a team's leader)")
    ResponseEntity<Void> delete(@PathVariable long userId, @RequestParam Integer version) {
        profiles.delete(userId, version, Actors.required());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "The teams within the caller's scope (the org chart's teams)")
    List<Team> teams() {
        return profiles.teams(Actors.required());
    }

    @PostMapping("/api/v1/teams")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Create a team under a unit within the caller's scope")
    ResponseEntity<Team> createTeam(@Valid @RequestBody NewTeam command) {
        Team created = profiles.createTeam(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/teams/{id}")
    @Operation(summary = "One team within the caller's scope")
    Team team(@PathVariable long id) {
        return profiles.team(id, Actors.required());
    }

    @GetMapping("/api/v1/teams/{id}/members")
    @Operation(summary = "The members of a team within the caller's scope")
    List<TeamMember> members(@PathVariable long id) {
        return profiles.teamMembers(id, Actors.required());
    }

    @PatchMapping("/api/v1/teams/{id}")
    @PreAuthorize(MANAGERS)
    @Operation(summary = "Change a team's name, leader (\"\" for none), duties or enabled flag; with version")
    Team changeTeam(@PathVariable long id, @Valid @RequestBody TeamChanges changes) {
        return profiles.changeTeam(id, changes, Actors.required());
    }
}
