/** Entry points of Lanes: load configuration, run or collect tests. */
package dev.lanes.core;
