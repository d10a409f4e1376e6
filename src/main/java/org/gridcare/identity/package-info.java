/** Who may do what: staff accounts, roles, passwords, lockout, API tokens, sign-in and the language each user prefers. */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.gridcare.identity;
