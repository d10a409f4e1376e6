package org.gridcare.survey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secret        the HMAC-SHA256 key of the survey links (at least 32 characters); empty: a random key is
 *                      generated on first start and kept in the database (table survey_secret)
 * @param publicBaseUrl where customers reach GridCare, for the link in the message (e.g. https://95598.example.cn)
 */
@ConfigurationProperties("gridcare.survey")
record SurveyProperties(@DefaultValue("") String secret, @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
