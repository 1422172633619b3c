package io.sweep;
public class Main { public static void main(String[] a) {} }
