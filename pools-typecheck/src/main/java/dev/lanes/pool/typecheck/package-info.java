/** The {@code typecheck} pool: type-test sources compiled by javac in process, its diagnostics mapped onto tests. */
package dev.lanes.pool.typecheck;
