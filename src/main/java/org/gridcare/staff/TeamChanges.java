package org.gridcare.staff;

import jakarta.validation.constraints.Size;

/** Changes to a team; a null field stays as it is, {@code leaderUsername} "" removes the leader. */
public record TeamChanges(Integer version, @Size(max = 100) String name, @Size(max = 100) String leaderUsername,
                          @Size(max = 2000) String duties, Boolean enabled) {
}
