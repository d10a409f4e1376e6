package org.gridcare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** GridCare — 电力营销服务管理平台. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "GridCare", sharedModules = "shared")
public class GridCare {

    public static void main(String[] args) {
        SpringApplication.run(GridCare.class, args);
    }
}
