/** The contract pool authors compile against: pools, providers, Guice wiring, workers, reporters. */
package dev.lanes.spi;
