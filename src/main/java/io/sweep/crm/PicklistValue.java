package io.sweep.crm;

public record PicklistValue(String actualValue, String displayValue, int sequenceNumber) {}
