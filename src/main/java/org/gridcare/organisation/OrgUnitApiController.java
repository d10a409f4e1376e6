package org.gridcare.organisation;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
@RequestMapping("/api/v1/org-units")
@Tag(name = "Organisation", description = "组织机构 — the unit tree that scopes every record")
class OrgUnitApiController {

    private static final Map<String, String> SORTS = sorts();

    private final OrgUnits units;

    OrgUnitApiController(OrgUnits units) {
        this.units = units;
    }

    @GetMapping
    @Operation(summary = "Units within the caller's data scope, in tree order")
    PageResult<OrgUnitResponse> list(@RequestParam(required = false) OrgUnitKind kind,
                                     @RequestParam(required = false) String parentCode,
                                     @RequestParam(required = false) String text,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size,
                                     @RequestParam(required = false) String sort) {
        PageQuery query = PageQuery.of(page, size, sort, SORTS);
        String needle = text == null ? null : text.trim().toLowerCase(Locale.ROOT);
        List<OrgUnit> matching = units.visibleTo(Actors.required()).stream()
                .filter(u -> kind == null || u.kind() == kind)
                .filter(u -> parentCode == null || parentCode.equals(u.parentCode()))
                .filter(u -> needle == null || needle.isEmpty() || u.code().toLowerCase(Locale.ROOT).contains(needle)
                        || u.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(comparator(query.orderBy()))
                .toList();
        List<OrgUnitResponse> items = matching.stream().skip(query.offset()).limit(query.size())
                .map(OrgUnitResponse::of).toList();
        return new PageResult<>(items, query.page(), query.size(), matching.size());
    }

    @GetMapping("/{code}")
    OrgUnitResponse get(@PathVariable String code) {
        var actor = Actors.required();
        return OrgUnitResponse.of(units.get(code, units.scopeOf(actor)));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Add a unit under a parent within the caller's scope")
    ResponseEntity<OrgUnitResponse> create(@Valid @RequestBody NewOrgUnit command) {
        OrgUnit created = units.create(command, Actors.required());
        return ResponseEntity.created(URI.create("/api/v1/org-units/" + created.code())).body(OrgUnitResponse.of(created));
    }

    @PatchMapping("/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    @Operation(summary = "Rename, re-type, move (parentCode) or disable a unit")
    OrgUnitResponse change(@PathVariable String code, @Valid @RequestBody OrgUnitChanges changes) {
        return OrgUnitResponse.of(units.change(code, changes, Actors.required()));
    }

    private static Map<String, String> sorts() {
        Map<String, String> sorts = new java.util.LinkedHashMap<>();
        sorts.put("path", "path");
        sorts.put("code", "code");
        sorts.put("name", "name");
        return java.util.Collections.unmodifiableMap(sorts);
    }

    private static Comparator<OrgUnit> comparator(String orderBy) {
        String[] parts = orderBy.split(" ");
        Comparator<OrgUnit> comparator = switch (parts[0]) {
            case "code" -> Comparator.comparing(OrgUnit::code);
            case "name" -> Comparator.comparing(OrgUnit::name);
            default -> Comparator.comparing(OrgUnit::path);
        };
        return "desc".equals(parts[1]) ? comparator.reversed() : comparator;
    }

    /** A unit as the API shows it. */
    record OrgUnitResponse(String code, String name, OrgUnitKind kind, AreaType areaType, String parentCode,
                           int depth, boolean enabled, int version, java.time.Instant createdAt,
                           java.time.Instant updatedAt) {
        static OrgUnitResponse of(OrgUnit unit) {
            return new OrgUnitResponse(unit.code(), unit.name(), unit.kind(), unit.areaType(), unit.parentCode(),
                    unit.depth(), unit.enabled(), unit.version(), unit.createdAt(), unit.updatedAt());
        }
    }
}
