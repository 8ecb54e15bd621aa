package id.lumbung.registry.domain;

public enum LifeStatus {
    ALIVE,
    DECEASED,
    MOVED
}
