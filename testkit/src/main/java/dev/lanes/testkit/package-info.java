/** The test kit pool authors test their pools with. */
package dev.lanes.testkit;
