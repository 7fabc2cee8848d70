/**
 * The running instance: its data directory (locked, so two servers never share one), the roles it
 * plays ({@code api}, {@code scheduler}, {@code worker}) and the settings under {@code canopy.*}
 * that every module reads. Depends on no other module.
 */
package dev.canopy.server.system;
