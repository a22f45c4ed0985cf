package dev.dermaguard.contract.events;

public enum Device {
    ROLLER, PEN, STAMP
}
