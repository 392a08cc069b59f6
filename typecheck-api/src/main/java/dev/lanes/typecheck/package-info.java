/** What type tests compile against; the {@code typecheck} pool checks them at compile time and never runs them. */
package dev.lanes.typecheck;
