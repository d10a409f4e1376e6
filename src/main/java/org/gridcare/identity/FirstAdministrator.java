package org.gridcare.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

import org.gridcare.organisation.OrgUnit;
import org.gridcare.organisation.OrgUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database: the province company at the root of the tree and an {@code admin} account.
 * The password comes from {@code GRIDCARE_ADMIN_PASSWORD} or is generated and logged once — there is
 * no fixed default. Safe when several instances start at once (an advisory lock serialises them).
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final long BOOTSTRAP_LOCK = 0x47524944L;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final UserRepository users;
    private final OrgUnits units;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final IdentityProperties properties;
    private final JdbcClient jdbc;
    private final org.gridcare.audit.AuditTrail audit;
    private final Clock clock;

    FirstAdministrator(UserRepository users, OrgUnits units, PasswordEncoder passwordEncoder, PasswordPolicy policy,
                       IdentityProperties properties, JdbcClient jdbc, org.gridcare.audit.AuditTrail audit,
                       Clock clock) {
        this.users = users;
        this.units = units;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.properties = properties;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", BOOTSTRAP_LOCK).query(Object.class).single();
        if (users.exists()) {
            return;
        }
        OrgUnit root = units.ensureRoot(properties.rootUnitCode(), properties.rootUnitName());
        String configured = properties.adminPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? generate() : configured;
        if (!generated) {
            policy.check("GRIDCARE_ADMIN_PASSWORD", password, "admin");
        }
        users.insert("admin", "系统管理员", passwordEncoder.encode(password), root.id().value(),
                EnumSet.of(Role.ADMIN), true, Instant.now(clock));
        audit.record("USER_CREATED", Users.ENTITY, "admin", "first administrator created on an empty database");
        if (generated) {
            log.warn("""

                    ================================================================
                      GridCare created the first administrator.
                      username: admin
                      password: {}
                      This password is shown only once. Sign in and change it.
                    ================================================================""", password);
        } else {
            log.info("GridCare created the first administrator 'admin' with the password from GRIDCARE_ADMIN_PASSWORD");
        }
    }

    private static String generate() {
        var random = new SecureRandom();
        var password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        // guarantee every class the policy may ask for
        return password.append("-7a").toString();
    }
}
