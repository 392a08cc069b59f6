/** The worker side of the protocol: request loop, console capture and the JSON codec. */
package dev.lanes.runtime;
