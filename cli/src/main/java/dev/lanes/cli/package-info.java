/** The {@code lanes} command. */
package dev.lanes.cli;
