/** Rewards and penalties (奖惩): records linked to their cause, points and amounts by configurable rules, manager approval and the per-staff ledger. */
@org.springframework.modulith.ApplicationModule(displayName = "Rewards and penalties")
package org.gridcare.incentive;
