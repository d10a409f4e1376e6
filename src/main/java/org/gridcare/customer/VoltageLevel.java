package org.gridcare.customer;

/** 供电电压等级, the standard AC levels of Chinese distribution and sub-transmission networks. */
enum VoltageLevel {
    AC220V, AC380V, AC10KV, AC20KV, AC35KV, AC110KV, AC220KV
}
