package org.gridcare.performance;

import java.util.List;
import java.util.Set;

import org.gridcare.shared.security.Actor;

/**
 * Who gets a card and where they belong: username, unit, position and team. Implemented over the staff module's
 * directory when it is present; the position of someone without one is {@code DEFAULT}.
 */
interface Roster {

    String DEFAULT_POSITION = "DEFAULT";

    /** The staff scored this month. */
    List<Member> members();

    /** The usernames of the members of the teams this user leads (班组长): empty when they lead none. */
    Set<String> ledBy(Actor actor);

    /** The positions a scheme may be written for (DEFAULT included). */
    List<String> positions();

    record Member(long userId, String username, String displayName, long unitId, String position, String teamCode,
                  String teamName) {
    }
}
