// Organisations that can hold credits (the government and Active programme developers), offered by name.
import { computed } from 'vue';
import { HOLDER_ROLES } from '../../../../chaincode/src/domain/permissions';
import { useOrganisationsStore } from '../../stores/organisations';

const holderRoles: readonly string[] = HOLDER_ROLES;

export function useHolderOptions(except: () => string | undefined) {
  const organisations = useOrganisationsStore();
  void organisations.ensureLoaded();
  const options = computed(() =>
    organisations.list
      .filter((o) => o.state === 'Active' && holderRoles.includes(o.companyRole) && o.companyId !== except())
      .map((o) => ({ value: o.companyId, label: o.name })),
  );
  return { options, loading: computed(() => organisations.status === 'loading'), nameOf: organisations.nameOf };
}
