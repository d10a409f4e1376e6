/** Service feedback (服务反馈) not tied to an order: channel, category, sentiment, a small lifecycle and its response deadline. */
@org.springframework.modulith.ApplicationModule(displayName = "Service feedback")
package org.gridcare.feedback;
