package org.gridcare.workorder;

/** Where the order came in (受理渠道). */
public enum Channel {
    HOTLINE_95598, APP, WEB, WECHAT, COUNTER, REGULATOR_12398, GOV_12345, EMAIL, FIELD
}
