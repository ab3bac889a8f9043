package org.unroll; public class Main { public static void main(String[] a){} }
