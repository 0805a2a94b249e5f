package org.collaborative.app.web.item;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/** The item pages' real page builder, which only this package can name, for every controller slice. */
@TestConfiguration(proxyBeanMethods = false)
@Import(ItemPage.class)
public class ItemSliceBeans {}
