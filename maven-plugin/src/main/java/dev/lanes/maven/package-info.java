/** The Maven plugin: lanes:test and lanes:list, with the pom's Surefire settings carried over. */
package dev.lanes.maven;
