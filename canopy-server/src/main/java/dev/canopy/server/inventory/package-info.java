/**
 * Cloudforet's inventory service: the cloud services, cloud service types and regions collectors
 * find, the collectors and their jobs, the merge of collected items into what is stored, and the
 * change history of every cloud service. Collectors reach clouds through the {@code plugin} module;
 * credentials come from service accounts of the {@code identity} module. Depends on the {@code api},
 * {@code store}, {@code identity}, {@code plugin} and {@code system} modules.
 */
package dev.canopy.server.inventory;
