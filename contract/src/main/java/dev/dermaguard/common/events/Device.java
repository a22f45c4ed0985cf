package dev.dermaguard.common.events;

public enum Device {
    ROLLER, PEN, STAMP
}
